import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/env.js';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }>;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
  };
  const { neo4j, api } = compose.services;

  it('runs Neo4j 5.26 community with a healthcheck', () => {
    expect(neo4j?.image).toMatch(/^neo4j:5\.26\.\d+-community$/);
    expect(neo4j?.healthcheck?.test).toBeDefined();
  });

  it('builds the API from the Dockerfile, on Neo4j, once Neo4j is healthy', () => {
    expect(api?.build).toBe('.');
    expect(api?.depends_on?.['neo4j']?.condition).toBe('service_healthy');
    expect(api?.environment?.['HLP_STORE']).toBe('neo4j');
    expect(api?.environment?.['NEO4J_URI']).toBe('bolt://neo4j:7687');
    expect(api?.environment?.['HOST']).toBe('0.0.0.0');
  });

  it('pins the same Neo4j version as the test server', () => {
    const pom = readFileSync(join(ROOT, 'tests/neo4j-server/pom.xml'), 'utf8');
    const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
    expect(neo4j?.image).toBe(`neo4j:${version}-community`);
  });
});
