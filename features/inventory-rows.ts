import { readInventory, type InventoryRowReading } from '@/lib/readers/inventory';
import type { FeaturePass } from './feature';

/** The safety and turnover badges read the same rows: one read per pass, shared. */
const readByPass = new WeakMap<FeaturePass, InventoryRowReading[]>();

export function inventoryRows(doc: Document, pass: FeaturePass): InventoryRowReading[] {
  let rows = readByPass.get(pass);
  if (!rows) readByPass.set(pass, (rows = readInventory(doc).flatMap((table) => table.rows)));
  return rows;
}
