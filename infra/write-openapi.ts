/**
 * Writes the OpenAPI document to a file for tools that read one (`npm run lint:openapi` runs
 * Redocly on it): `tsx infra/write-openapi.ts .build/openapi.json`. Fails, like the
 * document itself, when a route of shared/routes.ts is not documented.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openApiDocument } from '#shared/http/openapi';

const target = process.argv[2] ?? '.build/openapi.json';
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
