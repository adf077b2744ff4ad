/** zh UI strings for the auth feature (keys under "auth."). */
export default {};
