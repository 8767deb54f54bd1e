package io.anyhome.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.anyhome.api.vi.ViDTO;
import io.anyhome.api.vi.VirtualInterface;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ViCommandsTest {
    @Test
    void givenNoVirtualInterface_whenShown_thenTheCommandFailsSayingWhatWouldGiveOne() {
        assertThatIllegalStateException().isThrownBy(() -> new ViCommands().show(false))
                .withMessageContaining("no virtual interface runs on this node")
                .withMessageContaining("homeAddress");
    }

    @Test
    void givenAVirtualInterface_whenShownAsJson_thenItsDtoIsPrinted() throws Exception {
        ViCommands commands = new ViCommands();
        Field f = ViCommands.class.getDeclaredField("vi");
        f.setAccessible(true);
        f.set(commands, new VirtualInterface() {
            @Override
            public String name() {
                return "home0";
            }

            @Override
            public InetAddress homeAddress() {
                return null;
            }

            @Override
            public boolean deliver(ByteBuffer packet) {
                return false;
            }

            @Override
            public ViDTO describe() {
                ViDTO dto = new ViDTO();
                dto.name = "home0";
                dto.homeAddress = "2001:db8:1::10";
                dto.mtu = 1452;
                return dto;
            }
        });

        assertThat(commands.show(true)).asString()
                .contains("\"name\":\"home0\"", "\"homeAddress\":\"2001:db8:1::10\"", "\"mtu\":1452");
        assertThat(commands.show(false)).isInstanceOf(ViDTO.class);
    }
}
