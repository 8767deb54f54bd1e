package io.anyhome.platform.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.AnyhomeException.Code;
import io.anyhome.api.platform.PlatformException;
import org.junit.jupiter.api.Test;

/** One errno exception for TUN, socket and netlink failures, and one errno to code mapping. */
class ErrnoExceptionTest {
    @Test
    void givenTheErrnosOfTunSocketsAndNetlink_whenMapped_thenEachHasTheCodeACallerActsOn() {
        assertThat(ErrnoException.code(Native.EPERM)).isEqualTo(Code.PERMISSION_DENIED);
        assertThat(ErrnoException.code(Native.EACCES)).isEqualTo(Code.PERMISSION_DENIED);
        assertThat(ErrnoException.code(Native.ENOENT)).isEqualTo(Code.NOT_FOUND);
        assertThat(ErrnoException.code(Native.ESRCH)).isEqualTo(Code.NOT_FOUND);
        assertThat(ErrnoException.code(Native.ENXIO)).isEqualTo(Code.NOT_FOUND);
        assertThat(ErrnoException.code(Native.ENODEV)).isEqualTo(Code.NOT_FOUND);
        assertThat(ErrnoException.code(Native.EBUSY)).isEqualTo(Code.CONFLICT);
        assertThat(ErrnoException.code(Native.EEXIST)).isEqualTo(Code.CONFLICT);
        assertThat(ErrnoException.code(Native.EADDRINUSE)).isEqualTo(Code.CONFLICT);
        assertThat(ErrnoException.code(Native.EINVAL)).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(ErrnoException.code(Native.ERANGE)).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(ErrnoException.code(Native.EADDRNOTAVAIL)).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(ErrnoException.code(Native.ENETUNREACH)).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(ErrnoException.code(Native.EHOSTUNREACH)).isEqualTo(Code.INVALID_ARGUMENT);
        assertThat(ErrnoException.code(Native.EAFNOSUPPORT)).isEqualTo(Code.UNAVAILABLE);
        assertThat(ErrnoException.code(Native.EPROTONOSUPPORT)).isEqualTo(Code.UNAVAILABLE);
        assertThat(ErrnoException.code(Native.EOPNOTSUPP)).isEqualTo(Code.UNAVAILABLE);
        assertThat(ErrnoException.code(Native.ENOPROTOOPT)).isEqualTo(Code.UNAVAILABLE);
        assertThat(ErrnoException.code(Native.EBADF)).isEqualTo(Code.CLOSED);
        assertThat(ErrnoException.code(Native.ENOBUFS)).isEqualTo(Code.IO_ERROR);
    }

    @Test
    void givenANetlinkRefusal_whenTurnedIntoThePlatformException_thenOperationWordsErrnoAndExtendedAckAreKept() {
        ErrnoException refused = new ErrnoException("add route 2001:db8:5::/64", Native.ENODEV, "No such device",
                "Nexthop device is not up");

        PlatformException e = refused.toPlatformException("add route 2001:db8:5::/64");

        assertThat(e.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(e.errno()).isEqualTo(Native.ENODEV);
        assertThat(e.extendedAck()).hasValue("Nexthop device is not up");
        assertThat(e).hasMessage("add route 2001:db8:5::/64: No such device (ENODEV) (errno 19): Nexthop device is not up")
                .hasCause(refused);
    }

    @Test
    void givenAFailedSystemCall_whenTurnedIntoThePlatformException_thenTheCallFollowsTheOperation() {
        ErrnoException failed = new ErrnoException("ioctl TUNSETIFF", Native.EBUSY, "Device or resource busy", "");

        PlatformException e = failed.toPlatformException("open TUN device home0");

        assertThat(e.code()).isEqualTo(Code.CONFLICT);
        assertThat(e.extendedAck()).isEmpty();
        assertThat(e).hasMessage("open TUN device home0: ioctl TUNSETIFF: Device or resource busy (EBUSY) (errno 16)");
        assertThat(failed).hasMessage("ioctl TUNSETIFF: Device or resource busy (EBUSY) (errno 16)");
    }
}
