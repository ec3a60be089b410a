/** Pictures of results for people to look at: overlays, coloured labels and montages ({@link jug.vision.render.Render}). */
package jug.vision.render;
