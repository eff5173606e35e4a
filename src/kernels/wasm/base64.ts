const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes standard base64 (with or without `=` padding) into bytes, without relying on `atob` or `Buffer`.
 *
 * @example
 * decodeBase64("AGFzbQ=="); //=> Uint8Array [0, 97, 115, 109]
 */
export function decodeBase64(text: string): Uint8Array {
  const digits = text.replace(/=+$/, "");
  const bytes = new Uint8Array(Math.floor((digits.length * 3) / 4));
  let accumulator = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < digits.length; index++) {
    const value = alphabet.indexOf(digits.charAt(index));
    if (value < 0) throw new RangeError(`invalid base64 digit at ${index}`);
    accumulator = ((accumulator << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (accumulator >> bits) & 0xff;
    }
  }
  return bytes;
}
