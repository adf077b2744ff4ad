/** zh UI strings for the checkout feature (keys under "checkout."). */
export default {};
