package ent

// This file is not generated: it exposes the universal-id ranges (FeatureGlobalID) for ids that
// are not ent nodes, such as a draft bill's.

// TableOf returns the table whose range of the universal-id space holds id, or "" when no table's
// does.
func TableOf(id int) string {
	if id <= 0 {
		return ""
	}
	return nodeTypes[int(id/(1<<32-1))<<32]
}

// TableStart returns the first id of table's range, or -1 for an unknown table.
func TableStart(table string) int {
	for start, t := range nodeTypes {
		if t == table {
			return start
		}
	}
	return -1
}
