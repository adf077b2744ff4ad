/** sw UI strings for the catalog feature (keys under "catalog."). */
export default {};
