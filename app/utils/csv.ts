/** A spreadsheet can run a cell that starts with = + - @: such cells are quoted as text. */
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV a spreadsheet opens in UTF-8 (with a BOM), lines ending in CRLF. */
export function csvFile(rows: string[][]) {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
