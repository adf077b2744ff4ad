import type { TrustTexts } from "../pages";

const en: TrustTexts = {
  contact: {
    title: "Contact us",
    description: "Who runs Silk Road Showcase and how to reach us about an order, a store or your data.",
    body: `Silk Road Showcase is the storefront of the Silk Road E-Commerce campaign, which brings 100 African stores and 1,000 African products to shoppers in China and across Africa. A small campaign team runs the showcase and its shopping festivals. Every store on it is an independent African business that makes, sells and ships its own products.

## Questions about an order

- Find your order any time with its order number and your email address on the [order lookup]({{lookup}}) page. It shows what you bought, whether it is paid and, once the store has sent it, the tracking number.
- For anything else, write to [{{email}}](mailto:{{email}}) and give your order number. We pass your message to the store concerned and follow it up until you have an answer.

## Writing to us

Write in any of the showcase's six languages: English, Chinese, French, Arabic, Portuguese or Kiswahili. We aim to answer within two working days.

## Selling on the showcase

African makers, cooperatives and family workshops can apply to join the campaign through “Sell with us” at the foot of every page. The [stores page]({{stores}}) shows who already sells here.`,
  },
  shipping: {
    title: "Shipping",
    description: "How the African stores on Silk Road Showcase send their products to China and across Africa.",
    body: `## Who sends your parcel

Each store packs and sends its own products from its workshop or warehouse in Africa. An order with products from several stores therefore arrives in several parcels, each from its own store.

## Where we deliver

Stores send to China and to countries across Africa. The checkout lists the countries you can choose as a delivery address.

## Cost and delivery time

Each store sets its own shipping cost and delivery time, depending on where the parcel goes. Both are shown for each store at checkout, before you pay, and the total you pay includes them.

## Following your parcel

When a store sends your products it records the carrier and the tracking number. Your order page shows them for each line: find it with the [order lookup]({{lookup}}).

## Customs, duties and taxes

Parcels that cross a border may be opened by customs, and the destination country may charge import duty or tax. These are paid by the person receiving the parcel unless the checkout says otherwise. Some products (foods, teas, spices, cosmetics) must meet the destination country's rules; stores only offer delivery where they can send them.

## A correct address

Give the full address in the form your courier expects and a telephone number: couriers in China and in many African countries call before delivering. A parcel returned because of a wrong address may be sent again at your cost.

Questions about a delivery: see [Contact]({{contact}}).`,
  },
  returns: {
    title: "Returns and refunds",
    description: "How to return a product bought on Silk Road Showcase, and how refunds are paid.",
    body: `## Changed your mind

You may ask to return a product within **14 days** of its delivery. It must be unused and in its original packaging. Write to [{{email}}](mailto:{{email}}) with your order number and the lines you want to return; the store tells you where to send them. The cost of sending a product back is yours.

## Damaged, faulty or not what you ordered

Tell us within **7 days** of delivery, with your order number and a photo. The store replaces the product or refunds it in full, the shipping cost included, and you pay nothing to send it back.

## What cannot be returned once opened

For hygiene and food safety: foods, teas, coffees and spices whose seal is broken, and opened cosmetics and skin care. Pieces made to your order cannot be returned unless they are faulty.

## Refunds

A refund is paid to the card or account you paid with, in the currency you paid in, within 14 days of the store receiving the returned product (or of our agreeing that a damaged product need not be sent back). The bank may take a few more days to show it.

## Cancelling an order

An order that is not paid is cancelled by itself after a short time and its products are put back on sale. To cancel a paid order before the store has sent it, write to us with its order number: you are refunded in full.

See also [Shipping]({{shipping}}) and [Contact]({{contact}}).`,
  },
  privacy: {
    title: "Privacy",
    description: "What personal data Silk Road Showcase keeps, why, for how long, and the cookies it uses.",
    body: `The showcase's campaign team is responsible for the personal data described here. Write to [{{email}}](mailto:{{email}}) for any question about it.

## When you order

To deliver an order we keep your name, email address, delivery address, telephone number (if you give one), what you bought, the prices and currency, and the language you ordered in. The store that sends a product sees the delivery details of its own lines, and only those. Orders are kept as long as needed for delivery, returns and the stores' accounts.

## Payments

With card payments, your card details go straight to Stripe, our payment provider; we never see or store them. We keep only the payment's reference and whether it succeeded. When the showcase runs in demo mode, no payment details are asked for at all.

## Accounts of store owners and organisers

Shoppers need no account. Store owners and organisers have one: we keep their name, email address and a one-way hash of their password (never the password itself). Each signed-in session records the address and browser it was opened from; a session ends after a week without use, or 30 days at the most, and is then deleted. Sign-in attempts are counted per address to stop password guessing, and those counts are deleted after a day. Changes made in the owners' and organisers' areas are recorded with the address they came from, so they can be checked later.

## Cookies

The showcase uses only the cookies it needs, and no advertising or analytics cookies:

- **cart**: your shopping cart, for 60 days; a cart untouched for 60 days is deleted.
- **srs_session**: only when you sign in, to keep you signed in.
- **lang**: only when the home page chose your language from your browser's settings, to remember it (one year).

## Your rights

You may ask for a copy of your data, its correction or its deletion by writing to [{{email}}](mailto:{{email}}). We delete what we may; an order already paid is kept as long as the law requires for accounts.`,
  },
};

export default en;
