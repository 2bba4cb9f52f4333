/** What the fault matrix counts over its runs, and the RELIABILITY line it prints (RELIABILITY.md quotes it). */

export function faultFigures() {
	return {
		runs: 0,
		runsAllSucceeded: 0,
		runsWithClearError: 0,
		faultedItemsRecovered: 0,
		faultedItemsClearError: 0,
		itemsIn: 0,
		itemsLost: 0,
		extraItems: 0,
		duplicateUploads: 0,
		orphanUploads: 0,
		successfulUploads: 0,
		storedUploads: 0,
		unclearErrors: 0,
		foreignErrors: 0,
		overBudgetRuns: 0,
		maxElapsedMs: 0,
		maxBudgetUsed: 0,
		faultsTried: new Set<string>(),
		operationsTried: new Set<string>(),
		startedAt: Date.now(),
	};
}

export type FaultFigures = ReturnType<typeof faultFigures>;

export function faultsLine(figures: FaultFigures, secretsFound: number): string {
	const line = [
		`faults=${figures.faultsTried.size}`,
		`operations=${figures.operationsTried.size}`,
		`runs=${figures.runs}`,
		`runsAllSucceeded=${figures.runsAllSucceeded}`,
		`runsWithClearError=${figures.runsWithClearError}`,
		`faultedItemsRecovered=${figures.faultedItemsRecovered}`,
		`faultedItemsClearError=${figures.faultedItemsClearError}`,
		`itemsIn=${figures.itemsIn}`,
		`itemsLost=${figures.itemsLost}`,
		`extraItems=${figures.extraItems}`,
		`unclearErrors=${figures.unclearErrors}`,
		`nonNodeErrors=${figures.foreignErrors}`,
		`successfulUploads=${figures.successfulUploads}`,
		`storedUploads=${figures.storedUploads}`,
		`duplicateUploads=${figures.duplicateUploads}`,
		`orphanUploads=${figures.orphanUploads}`,
		`overBudgetRuns=${figures.overBudgetRuns}`,
		`maxRunMs=${figures.maxElapsedMs}`,
		`maxBudgetUsedPct=${Math.round(figures.maxBudgetUsed * 100)}`,
		`secretsFound=${secretsFound}`,
		`durationMs=${Date.now() - figures.startedAt}`,
	].join(' ');
	return `RELIABILITY faults: ${line}`;
}
