import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import solc from 'solc';

const GATEWAY_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVM_ADAPTER_DIR = join(GATEWAY_DIR, 'src', 'adapters', 'chains', 'evm');

/** The contracts this script builds, each from `contracts/<name>.sol` to its own artifact file. */
export type KassaContractName = 'KassaTestToken' | 'KassaSweeper';

/** Where the Solidity source lives. */
export const KASSA_TEST_TOKEN_SOURCE_PATH = join(GATEWAY_DIR, 'contracts', 'KassaTestToken.sol');

/** Where the generated TypeScript artifact is written. */
export const KASSA_TEST_TOKEN_ARTIFACT_PATH = join(EVM_ADAPTER_DIR, 'kassaTestTokenArtifact.ts');

export const KASSA_SWEEPER_SOURCE_PATH = join(GATEWAY_DIR, 'contracts', 'KassaSweeper.sol');

export const KASSA_SWEEPER_ARTIFACT_PATH = join(EVM_ADAPTER_DIR, 'sweep', 'kassaSweeperArtifact.ts');

const CONTRACT_PATHS: Record<KassaContractName, { readonly source: string; readonly artifact: string }> = {
  KassaTestToken: { source: KASSA_TEST_TOKEN_SOURCE_PATH, artifact: KASSA_TEST_TOKEN_ARTIFACT_PATH },
  KassaSweeper: { source: KASSA_SWEEPER_SOURCE_PATH, artifact: KASSA_SWEEPER_ARTIFACT_PATH },
};

const SOLC_VERSION = '0.8.30';

/**
 * Fixed compiler settings. The EVM version is pinned rather than left to the compiler default so
 * a solc upgrade cannot silently change the bytecode, and `cancun` runs on every dev node and
 * L2 we test against. Metadata is left out of the bytecode: its hash covers source paths and
 * would make the output depend on the machine.
 */
function solcSettings(name: KassaContractName) {
  return {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { [`${name}.sol`]: { [name]: ['abi', 'evm.bytecode.object'] } },
  } as const;
}

export type CompileContractsReturnType = {
  readonly abi: readonly unknown[];
  readonly bytecode: `0x${string}`;
  /** The complete text of the contract's artifact file (e.g. `kassaTestTokenArtifact.ts`). */
  readonly artifactSource: string;
};

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
};

/**
 * Compiles `contracts/<name>.sol` (KassaTestToken unless named) in memory with the pinned solc and
 * fixed settings. Each contract is compiled alone, so adding one never changes another's bytes.
 */
export function compileContracts(name: KassaContractName = 'KassaTestToken'): CompileContractsReturnType {
  const compilerVersion: string = solc.version();
  if (!compilerVersion.startsWith(`${SOLC_VERSION}+`)) {
    throw new Error(`solc ${SOLC_VERSION} expected, found ${compilerVersion}`);
  }
  const sourceName = `${name}.sol`;
  const input = {
    language: 'Solidity',
    sources: { [sourceName]: { content: readFileSync(CONTRACT_PATHS[name].source, 'utf8') } },
    settings: solcSettings(name),
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const problems = (output.errors ?? []).filter((e) => e.severity !== 'info');
  // Warnings fail the build too: the contracts are small enough to keep warning-free.
  if (problems.length > 0) {
    throw new Error(`solc reported:\n${problems.map((e) => e.formattedMessage).join('\n')}`);
  }
  const contract = output.contracts?.[sourceName]?.[name];
  if (contract === undefined) throw new Error(`solc produced no ${name}`);
  const bytecode = `0x${contract.evm.bytecode.object}` as const;
  return { abi: contract.abi, bytecode, artifactSource: renderArtifact(name, contract.abi, bytecode) };
}

function renderArtifact(name: KassaContractName, abi: readonly unknown[], bytecode: string): string {
  const camel = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return [
    '// GENERATED FILE, do not edit. Produced by `npx tsx packages/gateway/scripts/compileContracts.ts`',
    `// from packages/gateway/contracts/${name}.sol with solc ${SOLC_VERSION} (settings in the script).`,
    `// ${camel}Artifact.test.ts recompiles and fails when this file is stale.`,
    '',
    `/** ABI of ${name}; \`as const\` so viem infers argument and event types. */`,
    `export const ${camel}Abi = ${renderValue(abi, '')} as const;`,
    '',
    `/** Creation bytecode of ${name}; constructor arguments are appended by the deployer. */`,
    `export const ${camel}Bytecode =\n  '${bytecode}' as const;`,
    '',
  ].join('\n');
}

/** Writes JSON-like data as TypeScript in the repo's style (single quotes, bare keys, 2 spaces). */
function renderValue(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${renderValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`;
      return `${inner}${key}: ${renderValue(v, inner)},`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new Error(`unexpected ABI value: ${String(value)}`);
}

const isRunAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isRunAsScript) {
  for (const name of Object.keys(CONTRACT_PATHS) as KassaContractName[]) {
    const { artifactSource } = compileContracts(name);
    writeFileSync(CONTRACT_PATHS[name].artifact, artifactSource);
    console.log(`wrote ${CONTRACT_PATHS[name].artifact}`);
  }
}
