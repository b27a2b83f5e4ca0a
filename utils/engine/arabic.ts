/**
 * The one place that knows what Arabic script is. Normalized text folds every Arabic form into
 * the basic block (U+0600–U+06FF); its letters proper are U+0621–U+064A.
 */
const ARABIC_SCRIPT = /[\u0600-\u06ff]/g;

/** A UTF-16 unit in the Arabic block (letters, diacritics, digits, punctuation). */
export const isArabicUnit = (u: number): boolean => u >= 0x0600 && u <= 0x06ff;

/** A UTF-16 unit that is an Arabic letter (hamza to yaa). */
export const isArabicLetterUnit = (u: number): boolean => u >= 0x0621 && u <= 0x064a;

export const hasArabic = (s: string): boolean => {
  ARABIC_SCRIPT.lastIndex = 0;
  return ARABIC_SCRIPT.test(s);
};

export const countArabic = (s: string): number => s.match(ARABIC_SCRIPT)?.length ?? 0;
