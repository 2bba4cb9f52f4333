// Edges for `workflow()` from the order nodes run in.

/** The edges of a straight line of nodes: `chain(a, b, c)` is `[a, b], [b, c]`. */
export function chain(...names: string[]): Array<[string, string]> {
	return names.slice(1).map((name, i) => [names[i], name]);
}
