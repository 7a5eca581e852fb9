package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hardcandy/hardcandy/database"
)

// newMigrateCommand applies the schema migrations without serving: the step an operator runs
// before rolling a new build over replicas started with --no-migrate.
func newMigrateCommand(opts *options) *cobra.Command {
	var (
		statusOnly bool
		force      int
	)
	cmd := &cobra.Command{
		Use:   "migrate [--status]",
		Short: "Apply the database migrations this build carries (serve does it at start unless --no-migrate)",
		Long: `Apply the database migrations this build carries, then print where the schema stands.

On Postgres these are versioned migrations, applied in order and recorded in schema_migrations;
replicas starting together take turns under an advisory lock. The embedded SQLite file is
migrated from the schema automatically, which only ever adds tables, columns and indexes.
--status prints where the schema stands and changes nothing. After a Postgres migration failed
half way (the schema is "dirty"), repair it by hand and record the version it is now at with
--force VERSION.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if !database.IsPostgres(opts.db) && cmd.Flags().Changed("force") {
				return usageError{fmt.Errorf("--force is for Postgres' versioned migrations")}
			}
			if !database.IsPostgres(opts.db) {
				if statusOnly {
					fmt.Fprintf(out, "SQLite %s: migrated automatically at every start\n", database.SQLitePath(opts.db))
					return nil
				}
				st, err := database.Open(cmd.Context(), opts.db, database.Options{Migrate: true})
				if err != nil {
					return err
				}
				fmt.Fprintf(out, "SQLite %s: schema up to date\n", database.SQLitePath(opts.db))
				return st.Close()
			}
			if cmd.Flags().Changed("force") {
				if err := database.ForcePostgresMigration(opts.db, force); err != nil {
					return err
				}
				fmt.Fprintf(out, "Postgres: recorded migration %d as applied; nothing was run\n", force)
				return nil
			}
			before, err := database.PostgresMigrationStatus(opts.db)
			if err != nil {
				return err
			}
			if statusOnly {
				fmt.Fprintf(out, "Postgres: at migration %d%s; this build carries up to %d\n", before.Current, dirty(before), before.Latest)
				return nil
			}
			st, err := database.Open(cmd.Context(), opts.db, database.Options{Migrate: true})
			if err != nil {
				return err
			}
			if err := st.Close(); err != nil {
				return err
			}
			after, err := database.PostgresMigrationStatus(opts.db)
			if err != nil {
				return err
			}
			if after.Current == before.Current {
				fmt.Fprintf(out, "Postgres: already at migration %d, the latest\n", after.Current)
				return nil
			}
			fmt.Fprintf(out, "Postgres: migrated from %d to %d, the latest\n", before.Current, after.Current)
			return nil
		},
	}
	cmd.Flags().BoolVar(&statusOnly, "status", false, "print where the schema stands and change nothing")
	cmd.Flags().IntVar(&force, "force", 0, "Postgres: record VERSION as applied and clean, running nothing (after a repair by hand)")
	return cmd
}

func dirty(s database.MigrationStatus) string {
	if s.Dirty {
		return " (dirty: a migration failed half way; repair it by hand, then `migrate --force VERSION`)"
	}
	return ""
}
