import type { Order } from './api.js';
import { integerIn, seededRandom, type Random } from './random.js';

const CUSTOMERS = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken', 'Margaret', 'Dennis', 'Frances'] as const;
const ITEMS = [
  { item: 'notebook', priceCents: 450 },
  { item: 'fountain pen', priceCents: 2400 },
  { item: 'desk lamp', priceCents: 3900 },
  { item: 'coffee beans', priceCents: 1250 },
  { item: 'headphones', priceCents: 8900 },
] as const;

/** Hands out the orders of one run: a seeded sequence, so one seed always yields the same documents. */
export class OrderGenerator {
  readonly #random: Random;
  #next = 1;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  /** The next `n` orders, numbered on from the previous ones. */
  take(n: number): Order[] {
    return Array.from({ length: n }, () => {
      const orderNo = this.#next++;
      const { item, priceCents } = ITEMS[integerIn(this.#random, 0, ITEMS.length - 1)]!;
      const quantity = integerIn(this.#random, 1, 4);
      return {
        _id: `order-${String(orderNo).padStart(4, '0')}`,
        orderNo,
        customer: CUSTOMERS[integerIn(this.#random, 0, CUSTOMERS.length - 1)]!,
        item,
        quantity,
        totalCents: priceCents * quantity,
      };
    });
  }
}
