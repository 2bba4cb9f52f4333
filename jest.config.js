// Four projects, so the everyday loop (`npm test`) runs only what needs neither n8n nor a browser.
// `./scripts/test` runs them all; `npx jest --selectProjects <name>` runs one.
const transform = {
	// tsconfig.json sets isolatedModules: ts-jest only transpiles, `tsc --noEmit` (scripts/test) type-checks.
	'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

const project = (displayName, testMatch, testPathIgnorePatterns = []) => ({
	displayName,
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch,
	testPathIgnorePatterns: ['/node_modules/', ...testPathIgnorePatterns],
	transform,
});

const e2e = '<rootDir>/test/e2e[^/]*/';
const reliability = '<rootDir>/test/(reliability|hostile)/';
const browser = '<rootDir>/test/browser/';

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 30000,
	projects: [
		// Unit and engine tests (n8n-core's engine with nock, the emulator in-process): every test folder not below.
		project('unit', ['<rootDir>/test/**/*.test.ts'], [e2e, reliability, browser]),
		// Fault, bad-input, fuzz and hostile-server suites: slower, cross-cutting, not part of the everyday loop.
		project('reliability', ['<rootDir>/test/reliability/**/*.test.ts', '<rootDir>/test/hostile/**/*.test.ts']),
		// A real n8n 2.41.1 against the emulator: test/e2e, test/e2e-harness and any test/e2e-* folder.
		project('e2e', ['<rootDir>/test/e2e*/**/*.test.ts']),
		project('browser', [`${browser}**/*.test.ts`]),
	],
};
