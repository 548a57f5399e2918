import { expect } from 'vitest';
import { ConfigError } from '../../src/config/ConfigError.ts';

/**
 * Runs `run` and returns the `ConfigError` it throws; any other outcome fails the test. With
 * `setting`, also checks that the error names it, first thing in its message.
 */
export function catchConfigError(run: () => unknown, setting?: string): ConfigError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  if (setting !== undefined) {
    expect(error.setting).toBe(setting);
    expect(error.message.slice(0, `config: ${setting} `.length)).toBe(`config: ${setting} `);
  }
  return error;
}
