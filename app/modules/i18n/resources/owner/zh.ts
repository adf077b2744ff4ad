/** zh UI strings for the owner feature (keys under "owner."). */
export default {};
