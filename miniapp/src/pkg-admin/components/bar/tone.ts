/** A bar's colour: SCORE-1's four bands, or neutral for counts. */
export type BarTone = 'good' | 'fair' | 'average' | 'poor' | 'neutral';
