package dev.orderflow.sandbox.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the route of a call; a known path with another method is a 405, an unknown path a 404. */
final class Router {

    /** A matched route with its path parameters. */
    record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The route, or the problem to answer with. */
    Match route(String method, String rawPath) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(rawPath);
            if (params.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match(route, params.get());
                }
                pathKnown = true;
            }
        }
        throw pathKnown
                ? new RoutingException(Problem.of(405, "Method not allowed", "METHOD_NOT_ALLOWED",
                        method + " is not supported on " + rawPath))
                : new RoutingException(Problem.of(404, "Not found", "NOT_FOUND", "No endpoint at " + rawPath));
    }

    List<Route> routes() {
        return routes;
    }

    /** No route for a call. */
    static final class RoutingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        RoutingException(Problem problem) {
            super(problem.detail());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
