package dev.orderflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports: free ones for parts whose port must be known before they start (e.g. KRaft quorum voters). */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Returns a port that was free a moment ago. Another process may take it before the caller binds it; the
     * callers bind immediately and fail with a clear message if that rare race is lost.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Returns {@code port} unless it is 0, in which case a free port is picked. */
    public static int orPick(int port) {
        return port == 0 ? pick() : port;
    }

    /** True when nothing accepts connections on the loopback port. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts TCP connections on the loopback port; a cheap probe before a protocol check. */
    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
