// Renders product pages (no caching decisions here: edgelint must stay quiet).
export interface Product {
  name: string;
  price: number;
}

export function renderProduct(product: Product): string {
  return `<h1>${product.name}</h1><p>${product.price} €</p>`;
}
