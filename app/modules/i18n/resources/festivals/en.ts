/** en UI strings for the festivals feature (keys under "festivals."). */
export default {};
