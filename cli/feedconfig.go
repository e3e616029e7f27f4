package cli

import (
	"context"

	"github.com/byline/byline/config"
	"github.com/byline/byline/library"
)

// configureFeeds applies the configuration's per-feed settings ([feeds."URL"]:
// title, full_text) to the library's subscriptions.
func configureFeeds(ctx context.Context, lib *library.Library, c config.Config) error {
	for url, f := range c.Feeds {
		if err := lib.Configure(ctx, url, f.Title, f.FullText); err != nil {
			return err
		}
	}
	return nil
}
