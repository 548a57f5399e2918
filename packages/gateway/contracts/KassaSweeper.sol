// SPDX-License-Identifier: MIT
// Pinned to the solc npm package the repo installs, so `scripts/compileContracts.ts` reproduces
// the committed artifact byte for byte.
pragma solidity 0.8.30;

/// @dev The ERC-20 read the sweeper needs. `transfer` is called at low level instead (see
///      `_sweepToken`) because USDT-style tokens return nothing where the standard says `bool`.
interface IKassaSweepable {
    function balanceOf(address account) external view returns (uint256);
}

/// @title KassaSweeper
/// @notice Moves everything a Kassa deposit address holds to one fixed destination. Deposit
///         addresses delegate to this contract with EIP-7702, so `sweep` runs as the deposit
///         address itself, and a gas wallet pays one `sweepMany` transaction for a whole batch.
/// @dev Why it is safe while a delegation stands, although anyone may call `sweep` and
///      `sweepMany`: the only recipient is `destination`, an immutable baked into the code (so it
///      is the same in every delegated account and cannot be changed), and neither entry point
///      takes an amount or a recipient. The only calls a stranger can make a delegated account
///      perform are `balanceOf(itself)` and `transfer(destination, that balance)` on contracts the
///      stranger names, and the native transfer to `destination`. The worst a stranger can do is
///      pay the gas to sweep early.
///      There is no storage, so the contract never touches the delegating account's storage, and
///      no owner. Native payments into a delegated address still arrive through `receive`.
contract KassaSweeper {
    /// @notice Where every swept token and native coin goes.
    address public immutable destination;

    /// @notice The native coin moved to `destination` by one `sweep`, in wei.
    event NativeSwept(uint256 amount);

    error ZeroDestination();
    error LengthMismatch(uint256 accounts, uint256 tokenLists);
    error TokenTransferFailed(address token);
    error NativeTransferFailed();

    constructor(address destination_) {
        if (destination_ == address(0)) revert ZeroDestination();
        destination = destination_;
    }

    /// @notice Accepts native payments, so a delegated deposit address can still be paid.
    receive() external payable {}

    /// @notice Sends this account's whole balance of each token, then its whole native balance,
    ///         to `destination`. Meant to run in a deposit address delegated to this contract.
    /// @param tokens ERC-20 contracts to empty; a zero balance is skipped.
    function sweep(address[] calldata tokens) external {
        for (uint256 i = 0; i < tokens.length; ++i) {
            _sweepToken(tokens[i]);
        }
        uint256 amount = address(this).balance;
        if (amount != 0) {
            (bool ok, ) = destination.call{value: amount}("");
            if (!ok) revert NativeTransferFailed();
            emit NativeSwept(amount);
        }
    }

    /// @notice Calls `sweep(tokens[i])` on each of `accounts` (deposit addresses delegated to this
    ///         contract): one transaction sweeps a batch. Any failure reverts the whole batch.
    function sweepMany(address[] calldata accounts, address[][] calldata tokens) external {
        if (accounts.length != tokens.length) revert LengthMismatch(accounts.length, tokens.length);
        for (uint256 i = 0; i < accounts.length; ++i) {
            KassaSweeper(payable(accounts[i])).sweep(tokens[i]);
        }
    }

    function _sweepToken(address token) private {
        uint256 balance = IKassaSweepable(token).balanceOf(address(this));
        if (balance == 0) return;
        (bool ok, bytes memory returned) = token.call(abi.encodeWithSelector(0xa9059cbb, destination, balance));
        // Success is a call that did not revert and returned nothing (USDT style) or `true`.
        // `balanceOf` above already proved `token` has code, so "returned nothing" is not an EOA.
        if (!ok || (returned.length != 0 && (returned.length < 32 || abi.decode(returned, (uint256)) != 1))) {
            revert TokenTransferFailed(token);
        }
    }
}
