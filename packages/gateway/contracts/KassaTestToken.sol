// SPDX-License-Identifier: MIT
// Pinned to the solc npm package the repo installs, so `scripts/compileContracts.ts` reproduces
// the committed artifact byte for byte.
pragma solidity 0.8.30;

/// @title KassaTestToken
/// @notice A minimal ERC-20 for devnets and tests: anyone may mint. Never deploy it where the
///         token is meant to be worth anything.
contract KassaTestToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;

    mapping(address owner => uint256) public balanceOf;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error InsufficientBalance(address from, uint256 balance, uint256 needed);
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    error ZeroAddress();

    constructor(string memory name_, string memory symbol_, uint8 decimals_) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        // The maximum allowance means "unlimited" and is not spent down, as in most ERC-20s.
        if (allowed != type(uint256).max) {
            if (allowed < value) revert InsufficientAllowance(msg.sender, allowed, value);
            unchecked {
                allowance[from][msg.sender] = allowed - value;
            }
        }
        _transfer(from, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @notice Open mint: this is a devnet test token.
    function mint(address to, uint256 value) external {
        if (to == address(0)) revert ZeroAddress();
        totalSupply += value;
        unchecked {
            // Cannot overflow: no balance exceeds totalSupply, which was just checked.
            balanceOf[to] += value;
        }
        emit Transfer(address(0), to, value);
    }

    /// @notice FOR BENCHMARKS ONLY. Emits `count` Transfer events from this contract to
    ///         pseudo-random recipients, without moving any balance or writing storage, so a
    ///         block can be filled with thousands of token transfers cheaply (about 2,000 gas
    ///         each). Indexers that trust Transfer events blindly will see phantom payments;
    ///         that is the point of noise, and why this function must never exist on a real token.
    function emitNoise(uint256 count) external {
        uint256 state = uint256(keccak256(abi.encode(block.number, msg.sender, count)));
        for (uint256 i = 0; i < count; ) {
            unchecked {
                // 64-bit LCG constants (Knuth MMIX); quality is irrelevant, only spread matters.
                state = state * 6364136223846793005 + 1442695040888963407;
                emit Transfer(address(this), address(uint160(state >> 96)), i + 1);
                ++i;
            }
        }
    }

    function _transfer(address from, address to, uint256 value) private {
        if (to == address(0)) revert ZeroAddress();
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        unchecked {
            balanceOf[from] = balance - value;
            balanceOf[to] += value;
        }
        emit Transfer(from, to, value);
    }
}
