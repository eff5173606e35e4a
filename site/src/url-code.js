// The code lives in the URL: `#code=` followed by the base64url of its UTF-8 bytes, so that a link reproduces it.

/** @param {string} code @returns {string} the base64url of the code's UTF-8 bytes, without padding */
export function encodeCode(code) {
  const bytes = new TextEncoder().encode(code);
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** @param {string} text base64url (or base64), padded or not @returns {string} the UTF-8 text it holds */
export function decodeCode(text) {
  const base64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

/** The code in `location.hash` (`#code=…`), or undefined when there is none or it does not decode. */
export function codeFromHash(hash = location.hash) {
  const match = /(?:^#|&)code=([^&]*)/.exec(hash);
  if (match === null) return undefined;
  try {
    return decodeCode(decodeURIComponent(match[1] ?? ""));
  } catch {
    return undefined;
  }
}

/** The example named in `location.hash` (`#example=…`), if any. */
export function exampleFromHash(hash = location.hash) {
  return /(?:^#|&)example=([^&]*)/.exec(hash)?.[1];
}

/** Puts the code in the address bar without adding a history entry. */
export function writeCodeToHash(code) {
  history.replaceState(null, "", `#code=${encodeCode(code)}`);
}
