/**
 * Personal data customers type into a chat, and the mark that stands for it in every replay report:
 * card numbers (13–19 digits that pass the Luhn check, spaced or dashed), e-mail addresses, phone
 * numbers (international, North American, Chinese mobile) and order numbers (after "order", "#", or
 * 订单). A question is replayed and shown masked: the person's data never leaves the log.
 */
const patterns: [RegExp, string, ((match: string) => boolean)?][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  [/\b(?:\d[ -]?){12,18}\d\b/g, '[card]', (m) => luhn(m.replace(/\D/g, ''))],
  [
    /((?:order|ticket|case|invoice|订单|单号|订单号|工单)\s*(?:no\.?|number|号)?\s*[#:：]?\s*)[A-Z0-9-]{5,}/giu,
    '$1[order]',
  ],
  [/#\d{5,}\b/g, '[order]'],
  [/(?<![\d\p{L}])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/gu, '[phone]'],
  [/(?<![\d\p{L}])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}(?!\d)/gu, '[phone]'],
];

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

/** The text with every card number, e-mail address, phone number and order number replaced by its mark. */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const [pattern, mark, check] of patterns)
    out = check ? out.replace(pattern, (match) => (check(match) ? mark : match)) : out.replace(pattern, mark);
  return out;
}
