/**
 * Text fitting for social cards: wrap a string into lines no wider than a box, and end the
 * last line with "…" when the text does not fit. Widths come from the advance widths of
 * Inter (the card font), so wrapping is decided here rather than left to the renderer.
 */

/** Inter advance widths for ASCII 32..126, in thousandths of an em (from the font files). */
const ADVANCE: Record<FontWeight, readonly number[]> = {
  400: [
    281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 631, 407, 610,
    618, 646, 593, 620, 566, 619, 620, 288, 302, 662, 662, 662, 511, 966, 690, 654, 730, 722, 601,
    590, 746, 743, 269, 571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682,
    679, 629, 365, 360, 365, 471, 456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549,
    242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426, 333, 426, 662,
  ],
  700: [
    237, 338, 552, 649, 655, 1016, 672, 339, 377, 377, 559, 679, 334, 468, 334, 388, 674, 431, 630,
    646, 676, 622, 649, 582, 651, 649, 334, 343, 679, 679, 679, 560, 1016, 747, 662, 740, 722, 607,
    587, 750, 747, 281, 584, 719, 565, 932, 762, 771, 648, 777, 657, 655, 667, 732, 747, 1038, 738,
    731, 664, 377, 388, 377, 487, 476, 365, 581, 630, 588, 630, 596, 398, 632, 623, 271, 271, 580,
    271, 913, 623, 613, 630, 630, 407, 560, 366, 623, 600, 850, 580, 602, 573, 469, 372, 469, 679,
  ],
};

export type FontWeight = 400 | 700;

/** Han, kana, hangul and full-width forms take a full em in Noto Sans SC. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** Characters other than ASCII and wide ones: wider than most Latin letters, so text never overflows. */
const OTHER_EM = 0.78;
export const ELLIPSIS = '…';
const ELLIPSIS_EM = 1.0;

/** Width in em of one character (a grapheme's first code point is enough for the scripts we set). */
export function charWidthEm(char: string, weight: FontWeight): number {
  if (char === ELLIPSIS) return ELLIPSIS_EM;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code < 127) return ADVANCE[weight][code - 32]! / 1000;
  if (WIDE.test(char)) return 1;
  // Accented Latin letters are as wide as their base letter.
  const base = char.normalize('NFD')[0] ?? '';
  const baseCode = base.codePointAt(0) ?? 0;
  if (base !== char && baseCode >= 32 && baseCode < 127)
    return ADVANCE[weight][baseCode - 32]! / 1000;
  return OTHER_EM;
}

/** Width in pixels of `text` set at `fontSize` px. */
export function measureText(text: string, fontSize: number, weight: FontWeight = 400): number {
  let em = 0;
  for (const char of text) em += charWidthEm(char, weight);
  return em * fontSize;
}

export type FitOptions = {
  /** Width of the box in pixels. */
  maxWidth: number;
  /** Lines the box holds; text beyond them is cut and ends in "…". */
  maxLines: number;
  /** Font size in pixels. */
  fontSize: number;
  weight?: FontWeight;
};

/**
 * Splits text into pieces that may end a line: words with their trailing space, and single
 * wide characters (Chinese and Japanese wrap between any two characters).
 */
function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let word = '';
  for (const char of text) {
    if (WIDE.test(char)) {
      if (word) pieces.push(word);
      pieces.push(char);
      word = '';
    } else if (char === ' ') {
      pieces.push(word + char);
      word = '';
    } else {
      word += char;
    }
  }
  if (word) pieces.push(word);
  return pieces;
}

/**
 * Wraps `text` into at most `maxLines` lines no wider than `maxWidth`. Words longer than a line
 * are broken between characters. If the text does not fit, the last line is shortened until it
 * fits with "…" after it.
 */
export function fitText(text: string, options: FitOptions): string[] {
  const { maxWidth, maxLines, fontSize, weight = 400 } = options;
  const width = (s: string) => measureText(s, fontSize, weight);
  const lines: string[] = [];
  let line = '';
  let overflow = false;

  const pushLine = () => {
    lines.push(line.trimEnd());
    line = '';
  };

  outer: for (const piece of breakPieces(text.replace(/\s+/g, ' ').trim())) {
    if (width(line + piece.trimEnd()) <= maxWidth) {
      line += piece;
      continue;
    }
    if (line.trim()) {
      if (lines.length + 1 >= maxLines) {
        overflow = true;
        break;
      }
      pushLine();
    }
    if (width(piece.trimEnd()) <= maxWidth) {
      line = piece;
      continue;
    }
    // A word wider than the whole line: break it between characters.
    for (const char of piece) {
      if (width(line + char) > maxWidth && line) {
        if (lines.length + 1 >= maxLines) {
          overflow = true;
          line += char;
          break outer;
        }
        pushLine();
      }
      line += char;
    }
  }
  if (!overflow) {
    if (line.trim()) pushLine();
    return lines;
  }
  // Cut the last line back, a character at a time, until it and the ellipsis fit.
  let last = line.trimEnd();
  while (last && width(last + ELLIPSIS) > maxWidth) last = [...last].slice(0, -1).join('');
  lines.push(last.trimEnd().replace(/[\s,.;:–—-]+$/u, '') + ELLIPSIS);
  return lines;
}
