// The product page: name, price, rating, options form (color, size, quantity) posting to the cart, wish
// list button, details, customer reviews and the review form.
import { html } from '../../html';
import { categoryBySlug, formatDate, type Product, type ShopData } from '../data';
import type { ShopState } from '../state';
import { money, productCard, ratingText, shopLayout, shopPaths } from './layout';

export function starLabel(n: number): string {
  return n === 1 ? '1 star' : `${n} stars`;
}

export function renderProduct(data: ShopData, state: ShopState, p: Product, flash: ShopState['flash']): string {
  const category = categoryBySlug(data, p.category)!;
  const related = data.products.filter((o) => o.category === p.category && o.id !== p.id).slice(0, 4);
  const inWishlist = state.wishlist.includes(p.id);
  const body = html`
<h1>${p.name}</h1>
<div class="muted">${ratingText(p)}${p.reviews.length ? html` · <a href="#reviews">Read reviews</a>` : ''} · <a href="#review-form">Add Your Review</a></div>
<div class="box">
  <div>${money(p.price)}</div>
  <p class="muted">In stock · SKU: ${p.sku}</p>
  <form method="post" action="${shopPaths.cart}/add">
    <input type="hidden" name="product" value="${p.id}">
    <div class="field"><label for="opt-color">Color</label>
      <select id="opt-color" name="color"><option value="">Choose an Option...</option>${p.colors.map((c) => html`<option value="${c}">${c}</option>`)}</select></div>
    ${p.sizes.length ? html`<div class="field"><label for="opt-size">Size</label>
      <select id="opt-size" name="size"><option value="">Choose an Option...</option>${p.sizes.map((s) => html`<option value="${s}">${s}</option>`)}</select></div>` : ''}
    <div class="field"><label for="qty">Qty</label>
      <input id="qty" type="text" inputmode="numeric" name="qty" value="" placeholder="1" size="4"></div>
    <button type="submit">Add to Cart</button>
  </form>
  <form method="post" action="${shopPaths.wishlist}/add"><input type="hidden" name="product" value="${p.id}">
    <button type="submit" class="secondary">${inWishlist ? 'In Your Wish List' : 'Add to Wish List'}</button></form>
</div>
<h2>Details</h2><p>${p.description}</p>
<table><tbody><tr><th scope="row">Brand</th><td>${p.brand}</td></tr><tr><th scope="row">Category</th><td>${category.name}</td></tr>
<tr><th scope="row">Available colors</th><td>${p.colors.join(', ')}</td></tr>${p.sizes.length ? html`<tr><th scope="row">Available sizes</th><td>${p.sizes.join(', ')}</td></tr>` : ''}</tbody></table>
<h2 id="reviews">Customer Reviews (${p.reviews.length})</h2>
${p.reviews.length === 0 ? html`<p>There are no reviews yet. Be the first to review this product.</p>` : html`<ol class="reviews">${p.reviews.map((r) => html`
  <li><article><h3>${r.title}</h3><div>Rating: ${r.stars} out of 5</div><div class="muted">Review by ${r.author} · Posted on ${formatDate(r.date)}</div><p>${r.body}</p></article></li>`)}</ol>`}
<h2 id="review-form">Write Your Own Review</h2>
<p>You're reviewing: <strong>${p.name}</strong></p>
<form method="post" action="${shopPaths.product(p)}/review">
  <fieldset><legend>Your Rating</legend>${[1, 2, 3, 4, 5].map((n) =>
    html`<input type="radio" id="rating-${n}" name="stars" value="${n}"><label for="rating-${n}">${starLabel(n)}</label> `)}</fieldset>
  <div class="field"><label for="nickname">Nickname</label><input id="nickname" type="text" name="nickname"></div>
  <div class="field"><label for="summary">Summary</label><input id="summary" type="text" name="summary"></div>
  <div class="field"><label for="review-text">Review</label><textarea id="review-text" name="text" rows="4"></textarea></div>
  <button type="submit">Submit Review</button>
</form>
<h2>You May Also Like</h2><ol class="grid">${related.map(productCard)}</ol>`;
  return shopLayout({
    data, state, flash, title: p.name, body,
    breadcrumbs: [{ label: 'Home', href: shopPaths.home }, { label: category.name, href: shopPaths.category(category.slug) }, { label: p.name }],
  });
}
