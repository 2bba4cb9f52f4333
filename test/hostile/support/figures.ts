/** What the hostile-server suite counts over its cases, and the RELIABILITY line it prints (RELIABILITY.md quotes it). */

export const figures = {
	cases: 0,
	runs: 0,
	secretsLeaked: 0,
	requestsToOtherHosts: 0,
	crashes: 0,
	clearErrors: 0,
	/** The most token requests one always-401 run made. */
	maxTokenRequests: 0,
	startedAt: Date.now(),
};

/** Counts one case: each `it` of the suite is one hostile answer (or family of answers) tried. */
export function countCase(): void {
	figures.cases++;
}

export function hostileLine(): string {
	const f = figures;
	return (
		`RELIABILITY hostile: cases=${f.cases} runs=${f.runs} secretsLeaked=${f.secretsLeaked} ` +
		`requestsToOtherHosts=${f.requestsToOtherHosts} crashes=${f.crashes} clearErrors=${f.clearErrors} ` +
		`maxTokenRequests=${f.maxTokenRequests} durationMs=${Date.now() - f.startedAt}`
	);
}
