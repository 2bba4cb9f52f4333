// Medians, the rows of the results table, and the table as text (console) and as markdown (bench/results).

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const ms = (value: number): string => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}x`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const list = (values: number[], format: (value: number) => string): string => values.map(format).join(', ');

export interface Row {
	figure: string;
	measured: string;
	goal: string;
	pass: boolean;
	/** How it was measured: the samples behind the median, the checks made. */
	detail: string;
	/** The machine's load average (1, 5, 15 min) when the figure's runs ended; set when the row is reported. */
	load?: string;
	/** Whether the figure moves with the machine's load (a timing ratio) or not (a count, a memory peak). */
	loadSensitive?: boolean;
}

const verdict = (row: Row): string => (row.pass ? 'PASS' : 'FAIL');

/** One figure as soon as it is known: `[PASS] figure: measured (goal ...)` and its detail. */
export function figureLine(row: Row): string {
	return `[${verdict(row)}] ${row.figure}: ${row.measured} (goal: ${row.goal}; load ${row.load ?? '?'})\n       ${row.detail}\n`;
}

function pad(text: string, width: number): string {
	return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function textTable(rows: Row[]): string {
	const header = ['Figure', 'Measured', 'Goal', 'Verdict', 'Load (1/5/15 min)'];
	const cells = rows.map((row) => [row.figure, row.measured, row.goal, verdict(row), row.load ?? '?']);
	const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
	const line = (cell: string[]) => cell.map((text, i) => pad(text, widths[i])).join(' | ');
	return [line(header), widths.map((width) => '-'.repeat(width)).join('-+-'), ...cells.map(line)].join('\n');
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

export function markdownTable(rows: Row[]): string {
	return [
		'| Figure | Measured | Goal | Verdict | Load (1/5/15 min) | Load-sensitive |',
		'|---|---|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${escapeCell(row.figure)} | ${escapeCell(row.measured)} | ${escapeCell(row.goal)} | ${verdict(row)} | ${row.load ?? '?'} | ${row.loadSensitive ? 'yes' : 'no'} |`,
		),
	].join('\n');
}

export function markdownDetails(rows: Row[]): string {
	return rows.map((row) => `- **${escapeCell(row.figure)}**: ${row.detail}`).join('\n');
}
