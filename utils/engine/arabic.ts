/** The one test for Arabic script; normalized text folds every Arabic form into this block. */
const ARABIC_LETTERS = /[\u0600-\u06ff]/g;

export const hasArabic = (s: string): boolean => {
  ARABIC_LETTERS.lastIndex = 0;
  return ARABIC_LETTERS.test(s);
};

export const countArabic = (s: string): number => s.match(ARABIC_LETTERS)?.length ?? 0;
