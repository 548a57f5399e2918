// GENERATED FILE, do not edit. Produced by `npx tsx packages/gateway/scripts/compileContracts.ts`
// from packages/gateway/contracts/KassaTestToken.sol with solc 0.8.30 (settings in the script).
// kassaTestTokenArtifact.test.ts recompiles and fails when this file is stale.

/** ABI of KassaTestToken; `as const` so viem infers argument and event types. */
export const kassaTestTokenAbi = [
  {
    inputs: [
      {
        internalType: 'string',
        name: 'name_',
        type: 'string',
      },
      {
        internalType: 'string',
        name: 'symbol_',
        type: 'string',
      },
      {
        internalType: 'uint8',
        name: 'decimals_',
        type: 'uint8',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'constructor',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'spender',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'allowance',
        type: 'uint256',
      },
      {
        internalType: 'uint256',
        name: 'needed',
        type: 'uint256',
      },
    ],
    name: 'InsufficientAllowance',
    type: 'error',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'from',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'balance',
        type: 'uint256',
      },
      {
        internalType: 'uint256',
        name: 'needed',
        type: 'uint256',
      },
    ],
    name: 'InsufficientBalance',
    type: 'error',
  },
  {
    inputs: [],
    name: 'ZeroAddress',
    type: 'error',
  },
  {
    anonymous: false,
    inputs: [
      {
        indexed: true,
        internalType: 'address',
        name: 'owner',
        type: 'address',
      },
      {
        indexed: true,
        internalType: 'address',
        name: 'spender',
        type: 'address',
      },
      {
        indexed: false,
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'Approval',
    type: 'event',
  },
  {
    anonymous: false,
    inputs: [
      {
        indexed: true,
        internalType: 'address',
        name: 'from',
        type: 'address',
      },
      {
        indexed: true,
        internalType: 'address',
        name: 'to',
        type: 'address',
      },
      {
        indexed: false,
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'Transfer',
    type: 'event',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'owner',
        type: 'address',
      },
      {
        internalType: 'address',
        name: 'spender',
        type: 'address',
      },
    ],
    name: 'allowance',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'spender',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'approve',
    outputs: [
      {
        internalType: 'bool',
        name: '',
        type: 'bool',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'owner',
        type: 'address',
      },
    ],
    name: 'balanceOf',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'decimals',
    outputs: [
      {
        internalType: 'uint8',
        name: '',
        type: 'uint8',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'uint256',
        name: 'count',
        type: 'uint256',
      },
    ],
    name: 'emitNoise',
    outputs: [],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'to',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'mint',
    outputs: [],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [],
    name: 'name',
    outputs: [
      {
        internalType: 'string',
        name: '',
        type: 'string',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'symbol',
    outputs: [
      {
        internalType: 'string',
        name: '',
        type: 'string',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [],
    name: 'totalSupply',
    outputs: [
      {
        internalType: 'uint256',
        name: '',
        type: 'uint256',
      },
    ],
    stateMutability: 'view',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'to',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'transfer',
    outputs: [
      {
        internalType: 'bool',
        name: '',
        type: 'bool',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
  {
    inputs: [
      {
        internalType: 'address',
        name: 'from',
        type: 'address',
      },
      {
        internalType: 'address',
        name: 'to',
        type: 'address',
      },
      {
        internalType: 'uint256',
        name: 'value',
        type: 'uint256',
      },
    ],
    name: 'transferFrom',
    outputs: [
      {
        internalType: 'bool',
        name: '',
        type: 'bool',
      },
    ],
    stateMutability: 'nonpayable',
    type: 'function',
  },
] as const;

/** Creation bytecode of KassaTestToken; constructor arguments are appended by the deployer. */
export const kassaTestTokenBytecode =
  '0x60a060405234801561000f575f5ffd5b506040516109f23803806109f283398101604081905261002e916100f2565b5f61003984826101f3565b50600161004683826101f3565b5060ff16608052506102ad9050565b634e487b7160e01b5f52604160045260245ffd5b5f82601f830112610078575f5ffd5b81516001600160401b0381111561009157610091610055565b604051601f8201601f19908116603f011681016001600160401b03811182821017156100bf576100bf610055565b6040528181528382016020018510156100d6575f5ffd5b8160208501602083015e5f918101602001919091529392505050565b5f5f5f60608486031215610104575f5ffd5b83516001600160401b03811115610119575f5ffd5b61012586828701610069565b602086015190945090506001600160401b03811115610142575f5ffd5b61014e86828701610069565b925050604084015160ff81168114610164575f5ffd5b809150509250925092565b600181811c9082168061018357607f821691505b6020821081036101a157634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156101ee57805f5260205f20601f840160051c810160208510156101cc5750805b601f840160051c820191505b818110156101eb575f81556001016101d8565b50505b505050565b81516001600160401b0381111561020c5761020c610055565b6102208161021a845461016f565b846101a7565b6020601f821160018114610252575f831561023b5750848201515b5f19600385901b1c1916600184901b1784556101eb565b5f84815260208120601f198516915b828110156102815787850151825560209485019460019092019101610261565b508482101561029e57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b60805161072d6102c55f395f61011a015261072d5ff3fe608060405234801561000f575f5ffd5b50600436106100a6575f3560e01c806340c10f191161006e57806340c10f191461014e57806370a082311461016357806395d89b4114610182578063a9059cbb1461018a578063dd62ed3e1461019d578063e17a93b5146101c7575f5ffd5b806306fdde03146100aa578063095ea7b3146100c857806318160ddd146100eb57806323b872dd14610102578063313ce56714610115575b5f5ffd5b6100b26101da565b6040516100bf91906105bc565b60405180910390f35b6100db6100d636600461060c565b610265565b60405190151581526020016100bf565b6100f460025481565b6040519081526020016100bf565b6100db610110366004610634565b6102d1565b61013c7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff90911681526020016100bf565b61016161015c36600461060c565b610370565b005b6100f461017136600461066e565b60036020525f908152604090205481565b6100b2610400565b6100db61019836600461060c565b61040d565b6100f46101ab36600461068e565b600460209081525f928352604080842090915290825290205481565b6101616101d53660046106bf565b610422565b5f80546101e6906106d6565b80601f0160208091040260200160405190810160405280929190818152602001828054610212906106d6565b801561025d5780601f106102345761010080835404028352916020019161025d565b820191905f5260205f20905b81548152906001019060200180831161024057829003601f168201915b505050505081565b335f8181526004602090815260408083206001600160a01b038716808552925280832085905551919290917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925906102bf9086815260200190565b60405180910390a35060015b92915050565b6001600160a01b0383165f9081526004602090815260408083203384529091528120545f19811461035a578281101561033257604051630c95cf2760e11b815233600482015260248101829052604481018490526064015b60405180910390fd5b6001600160a01b0385165f908152600460209081526040808320338452909152902083820390555b6103658585856104d6565b506001949350505050565b6001600160a01b0382166103975760405163d92e233d60e01b815260040160405180910390fd5b8060025f8282546103a8919061070e565b90915550506001600160a01b0382165f818152600360209081526040808320805486019055518481527fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef910160405180910390a35050565b600180546101e6906106d6565b5f6104193384846104d6565b50600192915050565b60408051436020808301919091523382840152606080830185905283518084039091018152608090920190925280519101205f5b828110156104d15781675851f42d4c957f2d026714057b7ef767814f019150606082901c6001600160a01b0316306001600160a01b03167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef836001016040516104c191815260200190565b60405180910390a3600101610456565b505050565b6001600160a01b0382166104fd5760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0383165f908152600360205260409020548181101561054f5760405163db42144d60e01b81526001600160a01b03851660048201526024810182905260448101839052606401610329565b6001600160a01b038085165f8181526003602052604080822086860390559286168082529083902080548601905591517fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef906105ae9086815260200190565b60405180910390a350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b0381168114610607575f5ffd5b919050565b5f5f6040838503121561061d575f5ffd5b610626836105f1565b946020939093013593505050565b5f5f5f60608486031215610646575f5ffd5b61064f846105f1565b925061065d602085016105f1565b929592945050506040919091013590565b5f6020828403121561067e575f5ffd5b610687826105f1565b9392505050565b5f5f6040838503121561069f575f5ffd5b6106a8836105f1565b91506106b6602084016105f1565b90509250929050565b5f602082840312156106cf575f5ffd5b5035919050565b600181811c908216806106ea57607f821691505b60208210810361070857634e487b7160e01b5f52602260045260245ffd5b50919050565b808201808211156102cb57634e487b7160e01b5f52601160045260245ffd' as const;
