/**
 * Return All cases that would exhaust memory if the bounds regressed (a totalCount of 1e13, full pages without end):
 * run by hostile.test.ts in a child process with a small heap, so a regression fails that test, not the machine.
 * Writes its figures to $HOSTILE_FIGURES for the parent to add to its own.
 */
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling, never published */
import { writeFileSync } from 'node:fs';

import { nock } from '../../engine/nock';
import { pagingLargeCases } from '../cases/paging-large.cases';
import { figures } from '../support/figures';
import { useServers } from '../support/servers';

jest.setTimeout(120_000);

beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => {
	if (process.env.HOSTILE_FIGURES) writeFileSync(process.env.HOSTILE_FIGURES, JSON.stringify(figures));
});

pagingLargeCases(useServers(['api']));
