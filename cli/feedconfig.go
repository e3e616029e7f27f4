package cli

import (
	"context"

	"github.com/byline/byline/config"
	"github.com/byline/byline/library"
)

// configureFeeds applies the configuration's per-feed settings ([feeds."URL"]:
// title, full_text) to the library's subscriptions.
func configureFeeds(ctx context.Context, lib *library.Library, c config.Config) error {
	if lib.ReadOnly() {
		return nil // read as it is: nothing can be saved
	}
	for url, f := range c.Feeds {
		if err := lib.Configure(ctx, url, f.Title, f.FullText); err != nil {
			return err
		}
	}
	return nil
}
