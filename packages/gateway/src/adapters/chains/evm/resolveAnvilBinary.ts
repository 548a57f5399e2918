import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Finds the anvil binary of the platform package that `@foundry-rs/anvil` pulls in. */
export function resolveAnvilBinary(): string {
  const platformPackages: Record<string, string | undefined> = {
    'linux-x64': '@foundry-rs/anvil-linux-amd64',
    'linux-arm64': '@foundry-rs/anvil-linux-arm64',
    'darwin-x64': '@foundry-rs/anvil-darwin-amd64',
    'darwin-arm64': '@foundry-rs/anvil-darwin-arm64',
    'win32-x64': '@foundry-rs/anvil-win32-amd64',
  };
  const platformPackage = platformPackages[`${process.platform}-${process.arch}`];
  if (platformPackage === undefined) {
    throw new Error(`anvil is not available for ${process.platform}-${process.arch}`);
  }
  const binaryName = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  // Resolve from @foundry-rs/anvil's own location: npm may nest the platform package under it.
  const require = createRequire(import.meta.url);
  const wrapperRequire = createRequire(require.resolve('@foundry-rs/anvil/package.json'));
  const binary = wrapperRequire.resolve(`${platformPackage}/bin/${binaryName}`);
  if (!existsSync(binary)) throw new Error(`anvil binary missing at ${binary}; reinstall @foundry-rs/anvil`);
  return binary;
}
