// Command listgen rewrites gqlgen's generated executor so that its list marshalers call
// marshalList (graph/lists.go) instead of graphql.MarshalSliceConcurrently: gqlgen has no
// setting for marshalling a list of loaded rows without a goroutine per element. It runs
// after gqlgen in `make generate`, and running it again changes nothing.
package main

import (
	"bytes"
	"fmt"
	"os"
)

const (
	from = "graphql.MarshalSliceConcurrently(ctx, len(v),"
	to   = "marshalList(ctx, sel, len(v),"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: listgen graph/generated.go")
		os.Exit(2)
	}
	if err := rewrite(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "listgen:", err)
		os.Exit(1)
	}
}

func rewrite(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read the executor: %w", err)
	}
	n := bytes.Count(src, []byte(from))
	if n == 0 && !bytes.Contains(src, []byte(to)) {
		// gqlgen changed how it marshals lists: fail rather than silently keep the goroutines.
		return fmt.Errorf("%s calls neither %q nor %q", path, from, to)
	}
	out := bytes.ReplaceAll(src, []byte(from), []byte(to))
	if err := os.WriteFile(path, out, 0o644); err != nil {
		return fmt.Errorf("write the executor: %w", err)
	}
	return nil
}
