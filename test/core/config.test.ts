import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONFIG_KEYS, CONFIG_SPECS, envToBool, resolveConfig, type ConfigFlags } from '../../src/core/config.js';
import { InvalidOptionValueError } from '../../src/core/errors.js';

describe('core/config', () => {
  it.each([
    ['1', true],
    ['on', true],
    ['YES', true],
    [' true ', true],
    ['0', false],
    ['off', false],
    ['no', false],
    ['false', false],
    ['maybe', false],
  ])('envToBool(%j) is %s', (raw, expected) => {
    expect(envToBool(raw)).toBe(expected);
  });

  const precedence: [string, ConfigFlags, NodeJS.ProcessEnv, unknown][] = [
    ['default', {}, {}, 'auto'],
    ['env over default', {}, { RESUME_LAB_TARGET: 'embedded' }, 'embedded'],
    ['flag over env', { target: 'uri' }, { RESUME_LAB_TARGET: 'embedded' }, 'uri'],
    ['empty env counts as unset', {}, { RESUME_LAB_TARGET: '' }, 'auto'],
  ];
  it.each(precedence)('target: %s', (_name, flags, env, expected) => {
    expect(resolveConfig('target', flags, env)).toBe(expected);
  });

  it.each([
    ['no flag, no env', {}, {}, false],
    ['--no-color', { 'no-color': true }, {}, true],
    ['RESUME_LAB_NO_COLOR=1', {}, { RESUME_LAB_NO_COLOR: '1' }, true],
    ['NO_COLOR with any text', {}, { NO_COLOR: '0' }, true],
    ['NO_COLOR empty', {}, { NO_COLOR: '' }, false],
    ['RESUME_LAB_NO_COLOR=off wins over NO_COLOR', {}, { RESUME_LAB_NO_COLOR: 'off', NO_COLOR: '1' }, false],
  ] as const)('noColor: %s', (_name, flags, env, expected) => {
    expect(resolveConfig('noColor', flags, env)).toBe(expected);
  });

  it.each([
    ['debug', { debug: true }, {}, true],
    ['debug', {}, { RESUME_LAB_DEBUG: 'yes' }, true],
    ['uri', { uri: 'mongodb://h/' }, { RESUME_LAB_URI: 'mongodb://e/' }, 'mongodb://h/'],
    ['uri', {}, { RESUME_LAB_URI: 'mongodb://e/' }, 'mongodb://e/'],
    ['uri', {}, {}, undefined],
    ['connectTimeoutMs', {}, {}, 5000],
    ['connectTimeoutMs', {}, { RESUME_LAB_CONNECT_TIMEOUT_MS: '250' }, 250],
    ['connectTimeoutMs', { 'connect-timeout-ms': '100' }, {}, 100],
    ['mongodSystemBinary', {}, { MONGOMS_SYSTEM_BINARY: '/opt/mongod' }, '/opt/mongod'],
    ['mongodSystemBinary', {}, {}, undefined],
    ['port', {}, {}, 0],
    ['port', { port: '27017' }, {}, 27017],
    ['port', { port: '65535' }, {}, 65535],
    ['oplogSize', { 'oplog-size': '10' }, {}, 10],
  ] as const)('%s from %j and %j is %j', (key, flags, env, expected) => {
    expect(resolveConfig(key, flags, env)).toBe(expected);
  });

  it.each([
    ['target', { target: 'atlas' }, {}, '--target', 'atlas'],
    ['target', {}, { RESUME_LAB_TARGET: 'mongod' }, 'RESUME_LAB_TARGET', 'mongod'],
    ['port', { port: 'abc' }, {}, '--port', 'abc'],
    ['port', { port: '65536' }, {}, '--port', '65536'],
    ['port', { port: '1e3' }, {}, '--port', '1e3'],
    ['port', { port: '-1' }, {}, '--port', '-1'],
    ['oplogSize', { 'oplog-size': '0' }, {}, '--oplog-size', '0'],
    ['connectTimeoutMs', {}, { RESUME_LAB_CONNECT_TIMEOUT_MS: 'soon' }, 'RESUME_LAB_CONNECT_TIMEOUT_MS', 'soon'],
  ] as const)('%s rejects %j %j, naming %s', (key, flags, env, source, value) => {
    let thrown: unknown;
    try {
      resolveConfig(key, flags, env);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidOptionValueError);
    expect(thrown).toMatchObject({ source, value, exitCode: 2, code: 'INVALID_OPTION_VALUE' });
  });

  it('reads process.env when no environment is passed', () => {
    vi.stubEnv('RESUME_LAB_TARGET', 'memory-server');
    try {
      expect(resolveConfig('target')).toBe('memory-server');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('documents every option in docs/configuration.md', () => {
    const docs = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    const rows = docs.split('\n').filter((line) => line.startsWith('| `--') || line.startsWith('| none'));
    expect(rows).toHaveLength(CONFIG_KEYS.length);
    for (const key of CONFIG_KEYS) {
      const spec = CONFIG_SPECS[key];
      const names = [...(spec.flag === undefined ? [] : [`--${spec.flag}`]), ...spec.env];
      const row = rows.find((line) => names.every((name) => line.includes(`\`${name}`)));
      expect(row, `a row naming ${names.join(', ')}`).toBeDefined();
    }
  });

  it("keeps oplogSize's default equal to the engine's", async () => {
    const { DEFAULT_OPLOG_SIZE } = await import('../../src/engine/index.js');
    expect(CONFIG_SPECS.oplogSize.default).toBe(DEFAULT_OPLOG_SIZE);
  });
});
