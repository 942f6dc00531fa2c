import qrcode from 'qrcode-generator';

/** The dark modules of a QR code for `text` (error correction M; the version grows with the text). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** One SVG path drawing every dark module as a unit square, offset by a quiet zone of `margin` modules. */
export function svgPath(matrix: boolean[][], margin = 4): string {
  const parts: string[] = [];
  matrix.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) parts.push(`M${c + margin} ${r + margin}h1v1h-1z`);
  }));
  return parts.join('');
}
