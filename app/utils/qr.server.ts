import QRCode from 'qrcode';

/** The QR code of a text (a link, an authenticator key), as an SVG data URL for an <img> (the CSP allows data: images). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

// Public pages show the same few addresses' codes to many readers: made once each. Never for
// secrets (an authenticator key must not stay in memory).
const made = new Map<string, Promise<string>>();

/** The QR code of a public address, made once per address (at most a few thousand kept). */
export function qrOfPublicAddress(url: string): Promise<string> {
  let qr = made.get(url);
  if (!qr) {
    if (made.size >= 5_000) made.clear();
    qr = qrDataUrl(url);
    made.set(url, qr);
  }
  return qr;
}
