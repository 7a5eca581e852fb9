// Joins the committed SDL (graph/*.graphql) into one schema for relay-compiler, with every
// `extend type` merged into its type: relay-compiler takes extensions for client-only fields and
// would send no query text for the fields hardcandy.graphql adds.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse, printSchema } from 'graphql';

const dir = path.resolve(import.meta.dirname, '../../graph');
const sdl = readdirSync(dir)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
writeFileSync(path.resolve(import.meta.dirname, '../schema.graphql'), printSchema(schema) + '\n');
