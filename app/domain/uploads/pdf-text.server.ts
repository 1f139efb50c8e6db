import fs from 'node:fs/promises';

// The words of a PDF, for search. pdf.js (Mozilla's reader) is loaded only when a PDF arrives:
// it is large and nothing else needs it. Scanned PDFs have no text layer and give "".

const MAX_PAGES = 300;

export async function pdfText(filePath: string, maxChars: number): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await fs.readFile(filePath));
  const document = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(document.numPages, MAX_PAGES) && length < maxChars; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts
      .join('\n')
      .replaceAll('\u0000', '') // PostgreSQL text cannot hold NUL
      .trim()
      .slice(0, maxChars);
  } finally {
    await document.destroy();
  }
}
