// Copies of strings that outlive their message. V8 keeps substrings as views of their parent, so
// an address sliced out of a header block would keep the whole block in memory for the rest of the
// import; a copy made through bytes holds only itself.
export function ownCopy(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}
