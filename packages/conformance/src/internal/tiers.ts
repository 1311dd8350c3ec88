/** The tiers a check can belong to (see `CHECKS`). */
export const CHECK_TIERS = ['contract', 'behaviour'] as const;
