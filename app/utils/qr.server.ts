import QRCode from 'qrcode';

/** The QR code of a text (a link, an authenticator key), as an SVG data URL for an <img> (the CSP allows data: images). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
