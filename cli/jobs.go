package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/Khan/genqlient/graphql"
	"github.com/spf13/cobra"
)

// jobsCommand lists the scheduler's jobs; jobs run NAME starts one now.
func (o *options) jobsCommand() *cobra.Command {
	jobs := o.verb(&cobra.Command{
		Use: "jobs", Short: "The scheduler's jobs (admins; jobs run NAME starts one)", Args: exact(0),
		Example: "  hardcandy jobs\n  hardcandy jobs --json",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(cmd.Context(), o, call[[]JobInfo]{
				do: func(ctx context.Context, c graphql.Client) ([]JobInfo, error) {
					res, err := Jobs(ctx, c)
					if err != nil {
						return nil, err
					}
					var js []JobInfo
					for _, j := range res.SchedulerJobs {
						js = append(js, j.JobInfo)
					}
					return js, nil
				},
				text: printJobs,
			})
		},
	})
	jobsRun := o.verb(&cobra.Command{
		Use: "run NAME", Short: "Run a job now", Args: exact(1),
		Example: "  hardcandy jobs run reclaim-items",
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd.Context(), o, call[[]JobInfo]{
				do: func(ctx context.Context, c graphql.Client) ([]JobInfo, error) {
					res, err := RunJob(ctx, c, args[0])
					if err != nil {
						return nil, err
					}
					return []JobInfo{res.RunJob.JobInfo}, nil
				},
				text: func(w io.Writer, js []JobInfo) { fmt.Fprintf(w, "started %s\n", args[0]); printJobs(w, js) },
			})
		},
	})
	jobs.AddCommand(jobsRun)
	return jobs
}

func printJobs(w io.Writer, js []JobInfo) {
	table(w, "JOB\tSCHEDULE\tLAST RUN\tBY\tNEXT RUN\tRUNNING\tLAST ERROR", func(tw io.Writer) {
		for _, j := range js {
			errText, by := "", ""
			if j.LastError != nil {
				errText = *j.LastError
			}
			if j.LastRunReplica != nil {
				by = *j.LastRunReplica
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%v\t%s\n", j.Name, j.Schedule, when(j.LastRunStartedAt), by, when(j.NextRun), j.Running, errText)
		}
	})
}
