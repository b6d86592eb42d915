// How a buyer pays a seller: plain data, shared by the orders table and app/payments/methods.ts.

export const PAYMENT_METHOD_IDS = ['cash', 'bank_qr'] as const; // 'stripe' later
export type PaymentMethodId = (typeof PAYMENT_METHOD_IDS)[number];
