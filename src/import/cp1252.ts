// Node's TextDecoder reads windows-1252 (and latin1, its WHATWG alias) as ISO-8859-1 since
// 20.18.3/22.13.0 (nodejs/node#60888): bytes 0x80–0x9F come out as C1 control characters instead
// of € ‚ “ ” – … Mail text never holds C1 controls, so any in decoded header text are mapped to
// the Windows-1252 characters they stand for. A no-op on runtimes that decode correctly.
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

export function fixC1(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80])
    : text;
}
