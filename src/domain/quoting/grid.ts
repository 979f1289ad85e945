// Rounding prices onto a tick grid and sizes onto the exchange's 0.01-share grid.
import type { Micro, Pips } from "../units.js";

/** Sizes have 2 decimals on Polymarket: 0.01 share in micro-shares. */
export const SIZE_STEP: Micro = 10_000;

export const floorToTick = (price: number, tick: Pips): Pips => Math.floor(price / tick) * tick;
export const ceilToTick = (price: number, tick: Pips): Pips => Math.ceil(price / tick) * tick;
export const floorSize = (size: number): Micro => Math.floor(size / SIZE_STEP) * SIZE_STEP;
export const ceilSize = (size: number): Micro => Math.ceil(size / SIZE_STEP) * SIZE_STEP;
export const onGrid = (price: Pips, tick: Pips): boolean => price % tick === 0;
